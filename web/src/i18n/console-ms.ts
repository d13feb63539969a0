/**
 * The administration console's texts in Malay, the default language: loaded by the console's pages
 * alone (web/src/admin/console.ts adds them to the officer pages' table), so an officer's page
 * never carries them. `{name}` marks a value filled in at run time. console-en.ts must have exactly
 * these keys.
 */
export const consoleMs = {
  'admin.navLabel': 'Konsol Pentadbiran',
  'admin.navUsers': 'Pengguna',
  'admin.navAccount': 'Akaun Saya',
  'admin.navRegister': 'Daftar Pengguna',
  'admin.navRequests': 'Permohonan',
  'admin.navProgress': 'Kemajuan Pengaktifan',
  'admin.navAudit': 'Jejak Audit',
  'admin.registerTitle': 'Daftar Pengguna | Konsol Pentadbiran iSPEKS',
  'admin.requestsTitle': 'Permohonan | Konsol Pentadbiran iSPEKS',
  'admin.progressTitle': 'Kemajuan Pengaktifan | Konsol Pentadbiran iSPEKS',
  'admin.auditTitle': 'Jejak Audit | Konsol Pentadbiran iSPEKS',
  'admin.usersTitle': 'Pengguna | Konsol Pentadbiran iSPEKS',
  'admin.userTitle': 'Maklumat Pengguna | Konsol Pentadbiran iSPEKS',
  'admin.search': 'No Kad Pengenalan atau nama',
  'admin.searchHint': 'Sekurang-kurangnya 6 digit awal No Kad Pengenalan atau 2 huruf awal nama.',
  'admin.ptj': 'PTJ',
  'admin.status': 'Status',
  'admin.dormantDays': 'Tiada log masuk sekurang-kurangnya (hari)',
  'admin.any': 'Semua',
  'admin.find': 'Cari',
  'admin.previous': 'Sebelumnya',
  'admin.lastSignIn': 'Log Masuk Terakhir',
  'admin.never': 'Belum pernah',
  'admin.noUsers': 'Tiada pengguna yang sepadan.',
  'admin.shown': '{n} pengguna dipaparkan.',
  'admin.fieldInvalid': 'Nilai ini tidak sah. Sila semak.',
  'admin.status.PENDING': 'Belum Diaktifkan',
  'admin.status.ACTIVE': 'Aktif',
  'admin.status.LOCKED': 'Dikunci',
  'admin.status.DISABLED': 'Dinyahaktifkan',
  'admin.noAccessHeading': 'Tiada Akses',
  'admin.noAccessBody': 'Anda tidak mempunyai akses kepada maklumat ini.',
  'admin.notFound': 'Pengguna ini tiada dalam sistem.',
  'admin.agency': 'Agensi',
  'admin.activatedAt': 'Tarikh Pengaktifan',
  'admin.disabledAt': 'Tarikh Dinyahaktifkan',
  'admin.reason': 'Sebab',
  'admin.dutiesHeading': 'Tugas',
  'admin.noDuties': 'Tiada tugas.',
  'admin.limit': 'Had Kelulusan (RM)',
  'admin.startsOn': 'Mula',
  'admin.endsOn': 'Tamat',
  'admin.openEnded': 'Sehingga diubah',
  'admin.actionsHeading': 'Tindakan',
  'admin.action.deactivate': 'Nyah Aktif',
  'admin.action.reactivate': 'Aktifkan Semula',
  'admin.action.unlock': 'Buka Kunci',
  'admin.action.send-activation': 'Hantar Emel Pengaktifan',
  'admin.action.password-reset': 'Tetapkan Semula Kata Laluan',
  'admin.confirm.deactivate':
    'Akaun {name} akan dinyahaktifkan dan semua sesinya tamat serta-merta. Nyatakan sebabnya.',
  'admin.confirm.reactivate': 'Akaun {name} akan diaktifkan semula. Teruskan?',
  'admin.confirm.unlock': 'Kunci log masuk akaun {name} akan dibuka serta-merta. Teruskan?',
  'admin.confirm.send-activation': 'Emel pengaktifan baharu akan dihantar ke {email}. Teruskan?',
  'admin.confirm.password-reset': 'Emel Lupa Kata Laluan akan dihantar ke {email}. Teruskan?',
  'admin.done.deactivate': 'Akaun telah dinyahaktifkan.',
  'admin.done.reactivate': 'Akaun telah diaktifkan semula.',
  'admin.done.unlock': 'Kunci log masuk telah dibuka.',
  'admin.done.send-activation': 'Emel pengaktifan telah dihantar.',
  'admin.done.password-reset': 'Emel untuk menetapkan semula kata laluan telah dihantar.',
  'admin.requested': 'Permintaan telah dihantar untuk kelulusan Pentadbir Sistem.',
  'admin.reasonRequired': 'Sila nyatakan sebab, sekurang-kurangnya 3 aksara.',
  'admin.yes': 'Ya, Teruskan',
  'admin.auditHeading': 'Jejak Audit',
  'admin.auditBy': 'Oleh: {actor}',
  'admin.noAudit': 'Tiada rekod.',
  'admin.outcome.SUCCESS': 'Berjaya',
  'admin.outcome.FAILURE': 'Gagal',
  'admin.outcome.REFUSED': 'Ditolak',
  'admin.outcome.REQUESTED': 'Dimohon',

  // Audit events in words (functions/domain/administration.ts AuditEvent).
  'admin.event.USER_REGISTERED': 'Pengguna didaftarkan',
  'admin.event.ACTIVATION_EMAIL_SENT': 'Emel pengaktifan dihantar',
  'admin.event.ACTIVATION_VERIFY_FAILED': 'Pautan pengaktifan tidak sah digunakan',
  'admin.event.ACCOUNT_ACTIVATED': 'Akaun diaktifkan',
  'admin.event.SIGN_IN_SUCCEEDED': 'Log masuk berjaya',
  'admin.event.SIGN_IN_FAILED': 'Log masuk gagal',
  'admin.event.ACCOUNT_LOCKED': 'Akaun dikunci',
  'admin.event.RECOVERY_EMAIL_SENT': 'Emel Lupa Kata Laluan dihantar',
  'admin.event.RECOVERY_FAILED': 'Lupa Kata Laluan gagal',
  'admin.event.PASSWORD_RESET': 'Kata laluan ditetapkan semula',
  'admin.event.PASSWORD_CHANGED': 'Kata laluan ditukar',
  'admin.event.USER_UPDATED': 'Maklumat pengguna dikemas kini',
  'admin.event.DUTIES_SET': 'Tugas dikemas kini',
  'admin.event.USER_DEACTIVATED': 'Akaun dinyahaktifkan',
  'admin.event.USER_REACTIVATED': 'Akaun diaktifkan semula',
  'admin.event.USER_UNLOCKED': 'Kunci log masuk dibuka',
  'admin.event.PASSWORD_RESET_STARTED': 'Penetapan semula kata laluan dimulakan',
  'admin.event.REQUEST_CREATED': 'Permohonan dihantar untuk kelulusan',
  'admin.event.REQUEST_APPROVED': 'Permohonan diluluskan',
  'admin.event.REQUEST_REJECTED': 'Permohonan ditolak',
  'admin.event.ACCESS_REFUSED': 'Akses ditolak',

  // The user page's edits (details and duties): keys 'admin.edit.*'.

  // Requests page: keys 'admin.requests.*'.

  // Register page: keys 'admin.register.*'.

  // Progress page: keys 'admin.progress.*'.

  // Audit search page: keys 'admin.audit.*'.
} as const;

export type ConsoleKey = keyof typeof consoleMs;
export type ConsoleTable = Record<ConsoleKey, string>;
