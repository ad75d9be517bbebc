const en = {
  backup: {
    button: 'Backups',
    title: 'Backups',
    folder: 'Backups folder',
    folderHelp: 'Beside the workspace, so they can be found even when the workspace cannot be read.',
    schedule: 'Back up automatically',
    every: {
      '0': 'Off',
      '1': 'Every hour',
      '6': 'Every 6 hours',
      '12': 'Every 12 hours',
      '24': 'Every day',
      '168': 'Every week'
    },
    everyHours: 'Every {{hours}} hours',
    whileOpen: 'While KPI Loop (or browser mode) is open. The workspace stays usable during a backup.',
    keep: 'Automatic backups kept',
    keepHelp: 'Older automatic backups are deleted; manual ones and those made before an upgrade or a restore are kept.',
    saved: 'Backup schedule saved',
    now: 'Back up now',
    made: 'Backed up to {{file}}',
    empty: 'No backup yet.',
    when: 'When',
    why: 'Why',
    size: 'Size',
    file: 'File',
    reasons: {
      scheduled: 'Automatic',
      manual: 'Manual',
      'pre-migration': 'Before an upgrade',
      'pre-restore': 'Before a restore',
      damaged: 'Damaged workspace (kept as it was)'
    },
    restore: 'Restore',
    confirmRestore: 'Replace the workspace with the backup of {{when}}?',
    confirmRestoreDetail: 'Every board goes back to that moment. The workspace as it is now is backed up first, so this can be undone.',
    restored: 'Restored the backup of {{when}}. The previous workspace is kept as a backup.',
    waiting: 'Waiting for another KPI Loop window or command to finish writing… {{seconds}} s',
    readOnly: 'The disk holding the workspace is full: your boards can be read, but changes cannot be saved. Free some space and restart KPI Loop.',
    unreadable: 'KPI Loop cannot read its workspace',
    restoreBackupOf: 'Restore the backup of {{when}}',
    quit: 'Quit'
  }
}

const zhCN: typeof en = {
  backup: {
    button: '备份',
    title: '备份',
    folder: '备份文件夹',
    folderHelp: '位于工作区旁边，即使工作区无法读取也能找到备份。',
    schedule: '自动备份',
    every: {
      '0': '关闭',
      '1': '每小时',
      '6': '每 6 小时',
      '12': '每 12 小时',
      '24': '每天',
      '168': '每周'
    },
    everyHours: '每 {{hours}} 小时',
    whileOpen: '在 KPI Loop（或浏览器模式）打开期间进行。备份时工作区仍可正常使用。',
    keep: '保留的自动备份数',
    keepHelp: '较旧的自动备份会被删除；手动备份以及升级或恢复前的备份都会保留。',
    saved: '备份计划已保存',
    now: '立即备份',
    made: '已备份到 {{file}}',
    empty: '还没有备份。',
    when: '时间',
    why: '原因',
    size: '大小',
    file: '文件',
    reasons: {
      scheduled: '自动',
      manual: '手动',
      'pre-migration': '升级前',
      'pre-restore': '恢复前',
      damaged: '已损坏的工作区（原样保留）'
    },
    restore: '恢复',
    confirmRestore: '用 {{when}} 的备份替换当前工作区？',
    confirmRestoreDetail: '所有看板都会回到那个时刻。恢复前会先备份当前工作区，因此可以撤销。',
    restored: '已恢复 {{when}} 的备份。之前的工作区已保存为备份。',
    waiting: '正在等待另一个 KPI Loop 窗口或命令完成写入… {{seconds}} 秒',
    readOnly: '工作区所在磁盘已满：看板可以查看，但修改无法保存。请释放空间后重启 KPI Loop。',
    unreadable: 'KPI Loop 无法读取工作区',
    restoreBackupOf: '恢复 {{when}} 的备份',
    quit: '退出'
  }
}

export const backupMessages = { en, zhCN }
