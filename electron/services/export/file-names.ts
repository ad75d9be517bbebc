// eslint-disable-next-line no-control-regex -- control characters are among those no file system accepts in a name
const RESERVED = /[\\/:*?"<>|\u0000-\u001f]/g

/** A name every file system accepts: reserved characters replaced, never empty. */
export const safeFileName = (name: string): string => name.replace(RESERVED, '_').trim() || 'board'
