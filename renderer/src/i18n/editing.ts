/** Strings about keeping edits right: unsaved input, fields locked after launch, proposals accepted with changes. */
export const editingI18n = {
  en: {
    unsaved: {
      title: 'Save your changes?',
      body: 'You have changes that are not saved yet. Save them, discard them, or go back to keep editing.',
      discard: 'Discard'
    },
    locked: {
      target: 'Locked since launch: the target can only change as a re-baseline, with a reason.',
      rebaseline: 'Re-baseline…',
      rebaselining: 'Re-baselining: type the new target and the reason, then save.'
    },
    accepted: {
      withChanges: 'accepted with changes',
      proposedWas: '{{field}}: proposed {{proposed}}, accepted {{accepted}}'
    }
  },
  zhCN: {
    unsaved: {
      title: '保存修改？',
      body: '有尚未保存的修改。可以保存、放弃，或返回继续编辑。',
      discard: '放弃修改'
    },
    locked: {
      target: '上线后已锁定：目标值只能通过重新定基修改，并需填写原因。',
      rebaseline: '重新定基…',
      rebaselining: '正在重新定基：填写新的目标值和原因后保存。'
    },
    accepted: {
      withChanges: '修改后采纳',
      proposedWas: '{{field}}：建议 {{proposed}}，采纳 {{accepted}}'
    }
  }
}
