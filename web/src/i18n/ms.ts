/**
 * Malay, the default language. Texts marked "seed" are the source procedure's own words, kept
 * verbatim. `{name}` marks a value filled in at run time. en.ts must have exactly these keys.
 */
export const ms = {
  'app.subtitle': 'Sistem Perakaunan Akruan Kerajaan Negeri (iSPEKS)', // seed
  'common.skipToContent': 'Langkau ke kandungan utama',
  'common.version': 'Versi {version}',
  'common.loading': 'Sedang dimuatkan…',
  'common.send': 'Hantar', // seed
  'common.backToLogin': 'Kembali Ke Log Masuk', // seed
  'common.login': 'Log Masuk', // seed
  'common.forgotPassword': 'Lupa Kata Laluan', // seed
  'common.retry': 'Cuba Lagi',
  'common.done': '(selesai)',
  'common.cancel': 'Batal',
  'common.next': 'Seterusnya', // seed
  'common.back': 'Kembali',
  'common.finish': 'Selesai', // seed
  'common.name': 'Nama', // seed
  'common.detailsHeading': 'Maklumat Pengguna',
  'common.expiredHeading': 'Pautan Telah Tamat Tempoh',
  'common.invalidHeading': 'Pautan Tidak Sah',
  'common.unavailableHeading': 'Perkhidmatan Tidak Tersedia',
  'time.second': '1 saat',
  'time.seconds': '{n} saat',
  'time.minute': '1 minit',
  'time.minutes': '{n} minit',

  'login.pageTitle': 'Log Masuk | iSPEKS',
  'login.formHeading': 'Log Masuk',
  'login.icNumber': 'No Kad Pengenalan', // seed
  'login.password': 'Kata Laluan', // seed
  'login.submit': 'Log Masuk', // seed
  'login.resendBefore':
    'Sekiranya anda telah membuat pendaftaran dan tidak menerima emel pengaktifan sila klik', // seed
  'login.resendLink': 'di sini', // seed
  'login.resendAfter': 'untuk penghantaran semula emel pengaktifan.', // seed
  'login.requiredIcNumber': 'Sila masukkan No Kad Pengenalan.',
  'login.requiredPassword': 'Sila masukkan Kata Laluan.',
  'login.signedInHeading': 'Anda telah log masuk',
  'login.userId': 'ID Pengguna',
  'login.logout': 'Log Keluar',
  'login.consoleLink': 'Konsol Pentadbiran',
  'login.loggedOut': 'Anda telah log keluar.',
  'login.changePassword': 'Tukar Kata Laluan',
  'login.changeIntro': 'Anda akan kekal log masuk di sini; sesi anda pada peranti lain akan ditamatkan.',
  'login.currentPassword': 'Kata Laluan Semasa',
  'login.newPassword': 'Kata Laluan Baharu',
  'login.newPasswordRepeat': 'Ulang Kata Laluan Baharu',
  'login.requiredCurrent': 'Sila masukkan Kata Laluan Semasa.',
  'login.savePassword': 'Simpan Kata Laluan',
  'login.passwordChanged':
    'Kata laluan anda telah berjaya ditukar. Sesi anda pada peranti lain telah ditamatkan; sesi ini diteruskan.',
  'login.revokeAll': 'Log Keluar Semua Sesi',
  'login.revokeIntro':
    'Tamatkan setiap sesi log masuk akaun anda pada semua komputer, telefon dan pelayar, termasuk sesi ini.',
  'login.revokeConfirm':
    'Semua sesi log masuk akaun anda akan ditamatkan, termasuk sesi ini. Anda perlu log masuk semula pada setiap peranti. Teruskan?',
  'login.revokeYes': 'Ya, Log Keluar Semua Sesi',
  'login.revoked': 'Anda telah log keluar daripada semua sesi pada setiap peranti.',

  'request.pageTitle': 'Emel Pengaktifan Akaun | iSPEKS',
  'request.heading': 'Emel Pengaktifan Akaun', // seed
  'resend.label': 'Sila nyatakan ID Pengguna akaun anda', // seed
  'resend.hint': 'Contoh: kth:123456789012 atau 123456789012',
  'resend.required': 'Sila nyatakan ID Pengguna akaun anda.',
  'resend.sentTo': 'Emel pengaktifan akaun telah dihantar ke emel berdaftar anda :', // seed
  'resend.sentNeutral':
    'Sekiranya ID Pengguna ini berdaftar dan belum diaktifkan, emel pengaktifan akaun telah dihantar ke emel berdaftar akaun tersebut.',
  'resend.validity': 'Sila ambil maklum bahawa pautan dalam emel sah dalam tempoh {minutes} minit sahaja.',

  'recovery.pageTitle': 'Lupa Kata Laluan | iSPEKS',
  'recovery.heading': 'Lupa Kata Laluan', // seed
  'recovery.requestIntro':
    'Pautan untuk menetapkan semula kata laluan akan dihantar ke emel berdaftar akaun anda.',
  'recovery.sent':
    'Sekiranya ID Pengguna ini berdaftar dan aktif, emel yang mengandungi pautan untuk menetapkan semula kata laluan telah dihantar ke emel berdaftar akaun tersebut. Sekiranya akaun belum diaktifkan, emel pengaktifan akaun dihantar sebagai gantinya.',
  'recovery.progress': 'Langkah menetapkan semula kata laluan',
  'recovery.step1': 'Soalan Keselamatan',
  'recovery.step2': 'Kata Laluan Baharu',
  'recovery.questionsIntro': 'Sila jawab DUA(2) soalan keselamatan berikut :',
  'recovery.answersHint':
    'Berikan jawapan yang anda tetapkan semasa pengaktifan akaun, sekurang-kurangnya {min} aksara. Huruf besar atau kecil dan jarak tambahan tidak diambil kira.',
  'recovery.success': 'Kata laluan anda telah berjaya ditetapkan semula. Anda boleh log masuk ke sistem.',
  'recovery.successSessions': 'Semua sesi log masuk anda sebelum ini telah ditamatkan.',
  'recovery.expiredBody':
    'Pautan untuk menetapkan semula kata laluan ini telah tamat tempoh. Tekan Hantar di bawah untuk menerima emel dengan pautan yang baharu.',
  'recovery.invalidBody':
    'Pautan ini tidak sah lagi: ia telah digunakan, digantikan oleh pautan yang lebih baharu, atau tidak pernah dikeluarkan. Tekan Hantar di bawah untuk menerima emel dengan pautan yang baharu.',
  'recovery.lockedHeading': 'Akaun Dikunci Buat Sementara',
  'recovery.lockedBody':
    'Terlalu banyak jawapan yang salah telah diberikan, jadi akaun anda dikunci untuk melindunginya. Sila cuba semula selepas {wait}. Sekiranya anda tidak ingat jawapan anda, hubungi pentadbir sistem iSPEKS di jabatan anda.',

  'activation.pageTitle': 'Pengaktifan Akaun | iSPEKS',
  'activation.heading': 'Pengaktifan Akaun', // seed
  'activation.icNumber': 'No Kad Pengenalan', // seed
  'activation.email': 'Emel', // seed
  'activation.registeredAt': 'Tarikh Pendaftaran', // seed
  'activation.progress': 'Langkah pengaktifan',
  'activation.step1': 'Tetapan Soalan Keselamatan', // seed
  'activation.step2': 'Tetapan Kata Laluan', // seed
  'activation.questionsIntro': 'Anda perlu memilih TIGA(3) soalan keselamatan dibawah :', // seed
  'activation.questionsHint':
    'Pilih tiga soalan yang berbeza dan berikan jawapan sekurang-kurangnya {min} aksara bagi setiap soalan. Jawapan tidak boleh sama antara satu sama lain.',
  'activation.colQuestion': 'Soalan', // seed
  'activation.colAnswer': 'Jawapan', // seed
  'activation.colAction': 'Tindakan',
  'activation.questionLabel': 'Soalan {n}',
  'activation.answerLabel': 'Jawapan {n}',
  'activation.choose': '-- Sila Pilih Soalan --',
  'activation.delete': 'Padam', // seed
  'activation.deleteRow': 'Padam soalan {n}',
  'activation.addRow': 'Tambah Soalan',
  'activation.rowsMissing':
    'Anda perlu tepat TIGA(3) soalan; kini ada {n}. Tekan Tambah Soalan untuk menambah satu baris.',
  'activation.success': 'Tahniah. Akaun anda telah berjaya diaktifkan. Anda boleh log masuk ke sistem.', // seed
  'activation.expiredBody':
    'Pautan pengaktifan ini telah tamat tempoh. Masukkan ID Pengguna anda di bawah untuk menerima emel pengaktifan yang baharu.',
  'activation.invalidBody':
    'Pautan pengaktifan ini tidak sah: ia telah digunakan, digantikan oleh emel yang lebih baharu, atau tidak pernah dikeluarkan. Masukkan ID Pengguna anda di bawah untuk menerima emel pengaktifan yang baharu.',
  'activation.activeHeading': 'Akaun Telah Diaktifkan',
  'activation.activeBody':
    'Akaun ini telah pun diaktifkan. Sila log masuk, atau gunakan Lupa Kata Laluan jika anda tidak ingat kata laluan anda.',
  'activation.missingHeading': 'Pautan Tidak Lengkap',
  'activation.missingBody':
    'Pautan ini tidak mengandungi kod pengaktifan. Buka pautan penuh daripada emel anda, atau masukkan ID Pengguna anda di bawah untuk menerima emel pengaktifan yang baharu.',
  'activation.expiredInPlace':
    'Pautan pengaktifan ini telah tamat tempoh semasa anda mengisi borang. Maklumat yang anda isi masih ada di sini. Tekan Hantar Pautan Baharu untuk menerima emel pengaktifan yang baharu, kemudian buka pautan dalam emel tersebut: soalan dan jawapan anda akan dibawa ke tab baharu (kata laluan perlu ditaip semula).',
  'activation.sendNewLink': 'Hantar Pautan Baharu',
  'activation.newLinkSent':
    'Emel pengaktifan yang baharu telah dihantar ke {email}. Buka pautan dalam emel tersebut dan biarkan tab ini terbuka sehingga soalan dan jawapan anda dibawa ke tab baharu.',
  'activation.handedOver':
    'Pengaktifan diteruskan dalam tab baharu: soalan dan jawapan anda telah dibawa ke sana. Anda boleh menutup tab ini.',
  'activation.draftReceived':
    'Soalan dan jawapan yang anda isi dalam tab sebelumnya telah dibawa ke sini. Sila semak dan teruskan.',

  'password.label': 'Kata Laluan', // seed
  'password.repeat': 'Ulang Kata Laluan', // seed
  'password.show': 'Tunjuk Kata Laluan', // seed

  'rules.intro': 'Kata laluan mesti menepati syarat-syarat berikut :',
  'rules.common': 'Bukan kata laluan yang biasa digunakan.',
  'rules.personal': "Tidak mengandungi No Kad Pengenalan, nama anda atau perkataan 'iSPEKS'.",
  'rules.met': 'Dipenuhi:',
  'rules.unmet': 'Belum dipenuhi:',
  'rules.checking': '(sedang disemak…)',
  'rules.unknown': '(belum dapat disemak; akan disemak semasa dihantar)',
  'rules.count': '{met} daripada {total} syarat dipenuhi.',
  'rules.allMet': 'Kata laluan anda menepati semua syarat.',

  'notFound.heading': 'Halaman Tidak Dijumpai',
  'notFound.body':
    'Halaman yang anda cari tiada di sini. Semak alamat yang ditaip, atau kembali ke halaman log masuk.',

  'error.INVALID_CREDENTIALS': 'No Kad Pengenalan atau Kata Laluan tidak sah.',
  'error.ACCOUNT_LOCKED':
    'Akaun anda telah dikunci kerana terlalu banyak cubaan yang gagal. Sila cuba semula selepas {wait}.',
  'error.USER_ID_INVALID': 'ID Pengguna tidak sah. Contoh: kth:123456789012 atau 123456789012.',
  'error.USER_NOT_FOUND':
    'Tiada akaun iSPEKS berdaftar dengan ID Pengguna ini. Sila semak ID anda atau hubungi pentadbir sistem.',
  'error.ALREADY_ACTIVE':
    'Akaun ini telah pun diaktifkan. Sila log masuk, atau gunakan Lupa Kata Laluan jika anda tidak ingat kata laluan anda.',
  'error.RESEND_COOLDOWN': 'Emel pengaktifan telah dihantar baru-baru ini. Sila cuba semula selepas {wait}.',
  'error.TOKEN_EXPIRED':
    'Pautan pengaktifan ini telah tamat tempoh. Sila minta emel pengaktifan yang baharu.',
  'error.TOKEN_INVALID': 'Pautan pengaktifan ini tidak sah lagi. Sila minta emel pengaktifan yang baharu.',
  'error.SERVICE_UNAVAILABLE':
    'Perkhidmatan tidak tersedia buat sementara waktu. Sila cuba semula sebentar lagi.',
  'error.VALIDATION_FAILED': 'Maklumat yang dihantar tidak sah. Sila semak dan cuba lagi.',
  'error.UNEXPECTED': 'Ralat yang tidak dijangka telah berlaku. Sila cuba lagi.',
  'error.PASSWORD_TOO_SHORT': 'Panjang aksara mesti tidak kurang daripada {min}.', // seed
  'error.PASSWORD_TOO_LONG': 'Panjang aksara mesti tidak melebihi {max}.',
  'error.PASSWORD_NO_LOWER': 'Mesti mengandungi aksara berhuruf kecil.', // seed
  'error.PASSWORD_NO_UPPER': 'Mesti mengandungi aksara berhuruf besar.', // seed
  'error.PASSWORD_NO_DIGIT': 'Mesti mengandungi aksara bernombor.', // seed
  'error.PASSWORD_NO_SPECIAL': 'Mesti mengandungi aksara khas.', // seed
  'error.PASSWORD_MISMATCH': 'Kata Laluan dan Ulang Kata Laluan tidak sepadan.',
  'error.PASSWORD_COMMON': 'Kata laluan ini terlalu biasa dan mudah diteka. Sila pilih kata laluan lain.',
  'error.PASSWORD_CONTAINS_PERSONAL_DATA':
    'Kata laluan tidak boleh mengandungi No Kad Pengenalan, nama anda atau nama sistem. Sila pilih kata laluan lain.',
  'error.QUESTIONS_COUNT': 'Sila pilih TIGA(3) soalan keselamatan.',
  'error.QUESTIONS_DUPLICATE': 'Soalan ini telah dipilih. Sila pilih soalan yang berbeza.',
  'error.QUESTION_UNKNOWN': 'Sila pilih soalan daripada senarai.',
  'error.ANSWER_TOO_SHORT': 'Jawapan mesti sekurang-kurangnya {min} aksara.',
  'error.ANSWER_TRIVIAL':
    'Jawapan ini terlalu mudah, atau sama dengan jawapan lain, ID atau kata laluan anda. Sila berikan jawapan lain.',
  'error.PASSWORD_REUSED': 'Kata laluan baharu mesti berbeza daripada kata laluan semasa.',
  'error.CURRENT_PASSWORD_WRONG': 'Kata Laluan Semasa tidak betul.',
  'error.ANSWERS_WRONG':
    'Satu atau lebih jawapan tidak betul. Sila semak jawapan anda dan cuba lagi. Terlalu banyak cubaan yang salah akan mengunci akaun anda buat sementara.',
  'error.FORBIDDEN': 'Anda tidak mempunyai akses untuk tindakan ini.',
  'error.ALREADY_DISABLED': 'Akaun ini telah pun dinyahaktifkan.',
  'error.NOT_DISABLED': 'Akaun ini tidak dinyahaktifkan.',
  'error.CHANGED_MEANWHILE': 'Akaun ini baru sahaja diubah oleh orang lain. Sila semak dan cuba lagi.',
  'error.EMAIL_REJECTED': 'Emel tidak dapat dihantar ke alamat berdaftar. Sila semak alamat emel pengguna.',
  'error.USER_EXISTS': 'Pengguna dengan No Kad Pengenalan ini telah didaftarkan.',
  'error.DUTY_UNKNOWN': 'Tugas ini tiada dalam senarai Pengurusan Tugas.',
  'error.DUTY_CONFLICT':
    'Gabungan tugas ini tidak dibenarkan bagi seorang pegawai dalam PTJ yang sama (pengasingan tugas).',
  'error.OWN_REQUEST': 'Anda tidak boleh meluluskan atau menolak permohonan anda sendiri.',
  'error.REQUEST_NOT_FOUND': 'Permohonan ini tiada dalam sistem.',
  'error.REQUEST_DECIDED': 'Permohonan ini telah pun diputuskan oleh pentadbir lain.',
  'error.UNAUTHENTICATED': 'Sesi anda telah tamat. Sila log masuk semula.',
} as const;

export type StringKey = keyof typeof ms;
export type StringTable = Record<StringKey, string>;
