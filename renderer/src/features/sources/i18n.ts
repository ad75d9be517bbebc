const en = {
  sources: {
    button: 'Data sources',
    title: 'Data sources',
    add: 'Add data source',
    addTitle: 'Add a data source',
    editTitle: 'Edit data source {{name}}',
    edit: 'Edit',
    empty: 'No data source yet. Add one to pull actuals from your database.',
    boundary:
      'Formulas run in a read-only transaction with a timeout, under a role that can only read where the database has one. Test a source to see what its database enforces for the login you use; a login that can only read is safest.',
    name: 'Name',
    nameRule: 'No spaces or #',
    kind: 'Kind',
    kinds: { postgres: 'PostgreSQL', mysql: 'MySQL / MariaDB', sqlite: 'SQLite file', duckdb: 'DuckDB', clickhouse: 'ClickHouse' },
    url: 'Connection URL',
    urlHelp: 'Without the password. Files as sqlite:///absolute/path.db or duckdb:///absolute/path.duckdb.',
    password: 'Password',
    passwordHelp: 'Stored encrypted by the operating system; never shown again.',
    passwordKept: 'A password is stored. Leave empty to keep it; type a new one to replace it.',
    browserSecret:
      'In browser mode a password typed here lives only for this session. To keep it, set the environment variable {{env}} before starting KPI Loop.',
    allowRawRows: 'Allow raw rows for the assistant',
    allowRawRowsHelp: 'Off: the assistant only sees table names and aggregated numbers.',
    timeout: 'Query timeout',
    timeoutHelp: 'Empty: the default.',
    seconds: 's',
    realtimeMinutes: 'Real-time interval',
    realtimeMinutesHelp: 'Real-time KPIs on this source store one value per complete interval (UTC); hourly KPIs one per hour. Empty: 5 minutes.',
    minutes: '{{n}} min',
    realtimeShort: 'real-time every {{n}} min',
    saved: 'Data source saved',
    test: 'Test',
    tables: 'Tables',
    confirmRemove: 'Remove the data source {{name}}? KPIs using it will stop pulling.',
    secretStored: 'password stored',
    noSecret: 'no password',
    rawRowsOn: 'raw rows allowed for the assistant',
    rawRowsOff: 'no raw rows for the assistant',
    timeoutShort: 'timeout {{seconds}} s',
    version: 'Server',
    user: 'User',
    canWrite: 'This connection can write to the database',
    readOnlyRole: 'KPI Loop runs formulas read-only, but a read-only database role is the real boundary. Connect with a user that can only read.',
    readOnly: 'Connected; this user cannot write.',
    noTables: 'No tables found.',
    protection: {
      enforced: 'The database lets formulas only read',
      partial: 'The database refuses writes, but this login keeps some powers',
      refused: 'Formulas do not run with this login',
      runsAs: 'Formulas run as the role {{role}}.',
      timeout: 'Each formula is stopped after {{seconds}} s.',
      measures: {
        readOnlyTransaction: 'read-only transaction',
        readOnlyOpen: 'file opened read-only',
        readOnlySetting: 'readonly=1 setting',
        restrictedRole: 'runs as a role that can only read',
        statementTimeout: 'statement timeout',
        interrupt: 'interrupted at the timeout',
        noExternalAccess: 'no files or URLs outside the source',
        memoryLimit: 'memory limit'
      },
      gaps: {
        superuserSession:
          'The login is a superuser this server cannot confine (PostgreSQL 14+ with pg_read_all_data is needed). Connect with a role that can only read.',
        serverFiles: 'The login may read or write files on the database server (FILE or file-access privileges).',
        signalSessions: 'The login may end or cancel other sessions.',
        serverPrograms: 'The login may run programs on the database server.'
      }
    }
  }
}

const zhCN: typeof en = {
  sources: {
    button: '数据源',
    title: '数据源',
    add: '添加数据源',
    addTitle: '添加数据源',
    editTitle: '编辑数据源 {{name}}',
    edit: '编辑',
    empty: '还没有数据源。添加一个即可从数据库拉取实际值。',
    boundary: '公式在带超时的只读事务中运行；数据库支持时，以只能读取的角色运行。测试数据源即可查看数据库对当前登录账号实际施加的限制；只读账号最安全。',
    name: '名称',
    nameRule: '不能包含空格或 #',
    kind: '类型',
    kinds: { postgres: 'PostgreSQL', mysql: 'MySQL / MariaDB', sqlite: 'SQLite 文件', duckdb: 'DuckDB', clickhouse: 'ClickHouse' },
    url: '连接 URL',
    urlHelp: '不含密码。文件写作 sqlite:///绝对路径.db 或 duckdb:///绝对路径.duckdb。',
    password: '密码',
    passwordHelp: '由操作系统加密保存，保存后不再显示。',
    passwordKept: '已保存密码。留空则保留原密码，输入新密码则替换。',
    browserSecret: '浏览器模式下，此处输入的密码仅在本次会话有效。如需保留，请在启动 KPI Loop 前设置环境变量 {{env}}。',
    allowRawRows: '允许助手查看原始数据行',
    allowRawRowsHelp: '关闭时，助手只能看到表名和汇总后的数字。',
    timeout: '查询超时',
    timeoutHelp: '留空则使用默认值。',
    seconds: '秒',
    realtimeMinutes: '实时指标间隔',
    realtimeMinutesHelp: '此数据源上的实时指标每个完整间隔（UTC）存一个值；每小时指标每小时存一个值。留空则为 5 分钟。',
    minutes: '{{n}} 分钟',
    realtimeShort: '实时指标每 {{n}} 分钟',
    saved: '数据源已保存',
    test: '测试',
    tables: '表',
    confirmRemove: '删除数据源 {{name}}？使用它的 KPI 将无法再拉取。',
    secretStored: '已保存密码',
    noSecret: '无密码',
    rawRowsOn: '允许助手查看原始行',
    rawRowsOff: '助手不可查看原始行',
    timeoutShort: '超时 {{seconds}} 秒',
    version: '服务器',
    user: '用户',
    canWrite: '此连接可以写入数据库',
    readOnlyRole: 'KPI Loop 以只读方式运行公式，但只读的数据库角色才是真正的边界。请使用只能读取的账号连接。',
    readOnly: '已连接；此用户不能写入。',
    noTables: '未找到表。',
    protection: {
      enforced: '数据库只允许公式读取',
      partial: '数据库拒绝写入，但此登录账号仍保留部分权限',
      refused: '此登录账号不能运行公式',
      runsAs: '公式以角色 {{role}} 运行。',
      timeout: '每个公式运行超过 {{seconds}} 秒即被终止。',
      measures: {
        readOnlyTransaction: '只读事务',
        readOnlyOpen: '以只读方式打开文件',
        readOnlySetting: 'readonly=1 设置',
        restrictedRole: '以只能读取的角色运行',
        statementTimeout: '语句超时',
        interrupt: '超时即中断',
        noExternalAccess: '不能访问数据源以外的文件或网址',
        memoryLimit: '内存上限'
      },
      gaps: {
        superuserSession: '此登录账号是该服务器无法约束的超级用户（需要 PostgreSQL 14+ 及 pg_read_all_data）。请改用只读角色连接。',
        serverFiles: '此登录账号可以读取或写入数据库服务器上的文件（FILE 或文件访问权限）。',
        signalSessions: '此登录账号可以终止或取消其他会话。',
        serverPrograms: '此登录账号可以在数据库服务器上运行程序。'
      }
    }
  }
}

export const sourcesMessages = { en, zhCN }
