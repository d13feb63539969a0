import type { StringTable } from './ms.ts';

/** English. The type makes the compiler hold this table to exactly the Malay table's keys. */
export const en: StringTable = {
  'app.subtitle': 'State Government Accrual Accounting System (iSPEKS)',
  'common.skipToContent': 'Skip to main content',
  'common.version': 'Version {version}',
  'common.loading': 'Loading…',
  'common.send': 'Send',
  'common.backToLogin': 'Back To Log In',
  'common.login': 'Log In',
  'common.forgotPassword': 'Forgot Password',
  'common.retry': 'Try Again',
  'common.done': '(done)',
  'common.cancel': 'Cancel',
  'common.next': 'Next',
  'common.back': 'Back',
  'common.finish': 'Finish',
  'common.name': 'Name',
  'common.detailsHeading': 'User Details',
  'common.expiredHeading': 'Link Expired',
  'common.invalidHeading': 'Link Not Valid',
  'common.unavailableHeading': 'Service Unavailable',
  'time.second': '1 second',
  'time.seconds': '{n} seconds',
  'time.minute': '1 minute',
  'time.minutes': '{n} minutes',

  'login.pageTitle': 'Log In | iSPEKS',
  'login.formHeading': 'Log In',
  'login.icNumber': 'ID Card Number',
  'login.password': 'Password',
  'login.submit': 'Log In',
  'login.resendBefore': 'If you have registered and did not receive the activation e-mail, click',
  'login.resendLink': 'here',
  'login.resendAfter': 'to have the activation e-mail sent again.',
  'login.requiredIcNumber': 'Enter your ID card number.',
  'login.requiredPassword': 'Enter your password.',
  'login.signedInHeading': 'You are logged in',
  'login.userId': 'User ID',
  'login.logout': 'Log Out',
  'login.consoleLink': 'Administration Console',
  'login.loggedOut': 'You have logged out.',
  'login.changePassword': 'Change Password',
  'login.changeIntro': 'You stay logged in here; your sessions on other devices will end.',
  'login.currentPassword': 'Current Password',
  'login.newPassword': 'New Password',
  'login.newPasswordRepeat': 'Repeat New Password',
  'login.requiredCurrent': 'Enter your current password.',
  'login.savePassword': 'Save Password',
  'login.passwordChanged':
    'Your password has been changed. Your sessions on other devices have ended; this one continues.',
  'login.revokeAll': 'Log Out of All Sessions',
  'login.revokeIntro':
    'End every session of your account on all computers, phones and browsers, this one included.',
  'login.revokeConfirm':
    'Every session of your account will end, this one included. You will have to log in again on every device. Continue?',
  'login.revokeYes': 'Yes, Log Out of All Sessions',
  'login.revoked': 'You have been logged out of every session on every device.',

  'request.pageTitle': 'Account Activation E-mail | iSPEKS',
  'request.heading': 'Account Activation E-mail',
  'resend.label': "State your account's user ID",
  'resend.hint': 'Example: kth:123456789012 or 123456789012',
  'resend.required': "State your account's user ID.",
  'resend.sentTo': 'The account activation e-mail has been sent to your registered e-mail:',
  'resend.sentNeutral':
    'If this user ID is registered and not yet activated, an account activation e-mail has been sent to its registered e-mail.',
  'resend.validity': 'Please note that the link in the e-mail is valid for {minutes} minutes only.',

  'recovery.pageTitle': 'Forgot Password | iSPEKS',
  'recovery.heading': 'Forgot Password',
  'recovery.requestIntro': "A link to reset your password will be sent to your account's registered e-mail.",
  'recovery.sent':
    "If this user ID is registered and active, an e-mail with a link to reset the password has been sent to the account's registered e-mail. If the account is not yet activated, the account activation e-mail is sent instead.",
  'recovery.progress': 'Password reset steps',
  'recovery.step1': 'Security Questions',
  'recovery.step2': 'New Password',
  'recovery.questionsIntro': 'Answer the TWO (2) security questions below:',
  'recovery.answersHint':
    'Give the answers you set when you activated your account, at least {min} characters each. Upper or lower case and extra spaces do not matter.',
  'recovery.success': 'Your password has been reset. You can log in to the system.',
  'recovery.successSessions': 'All your earlier sessions have ended.',
  'recovery.expiredBody':
    'This password reset link has expired. Press Send below to receive an e-mail with a new link.',
  'recovery.invalidBody':
    'This link is no longer valid: it has been used, replaced by a newer link, or was never issued. Press Send below to receive an e-mail with a new link.',
  'recovery.lockedHeading': 'Account Temporarily Locked',
  'recovery.lockedBody':
    'Too many wrong answers were given, so your account has been locked to protect it. Try again in {wait}. If you do not remember your answers, contact the iSPEKS system administrator in your department.',

  'activation.pageTitle': 'Account Activation | iSPEKS',
  'activation.heading': 'Account Activation',
  'activation.icNumber': 'ID Card Number',
  'activation.email': 'E-mail',
  'activation.registeredAt': 'Registration Date',
  'activation.progress': 'Activation steps',
  'activation.step1': 'Security Questions Setup',
  'activation.step2': 'Password Setup',
  'activation.questionsIntro': 'You must choose THREE (3) security questions below:',
  'activation.questionsHint':
    'Choose three different questions and give an answer of at least {min} characters to each. Answers must differ from each other.',
  'activation.colQuestion': 'Question',
  'activation.colAnswer': 'Answer',
  'activation.colAction': 'Action',
  'activation.questionLabel': 'Question {n}',
  'activation.answerLabel': 'Answer {n}',
  'activation.choose': '-- Choose a Question --',
  'activation.delete': 'Delete',
  'activation.deleteRow': 'Delete question {n}',
  'activation.addRow': 'Add Question',
  'activation.rowsMissing':
    'You need exactly THREE (3) questions; there are {n} now. Press Add Question to add a row.',
  'activation.success': 'Congratulations. Your account has been activated. You can log in to the system.',
  'activation.expiredBody':
    'This activation link has expired. Enter your user ID below to receive a new activation e-mail.',
  'activation.invalidBody':
    'This activation link is not valid: it has been used, replaced by a newer e-mail, or was never issued. Enter your user ID below to receive a new activation e-mail.',
  'activation.activeHeading': 'Account Already Active',
  'activation.activeBody':
    'This account has already been activated. Log in, or use Forgot Password if you do not remember your password.',
  'activation.missingHeading': 'Incomplete Link',
  'activation.missingBody':
    'This link has no activation code. Open the full link from your e-mail, or enter your user ID below to receive a new activation e-mail.',
  'activation.expiredInPlace':
    'This activation link expired while you were filling in the form. What you entered is still here. Press Send a New Link to receive a new activation e-mail, then open the link in that e-mail: your questions and answers will be carried over to the new tab (you will type the password again).',
  'activation.sendNewLink': 'Send a New Link',
  'activation.newLinkSent':
    'A new activation e-mail has been sent to {email}. Open the link in that e-mail and keep this tab open until your questions and answers are carried over to the new tab.',
  'activation.handedOver':
    'The activation continues in the new tab: your questions and answers have been carried over there. You can close this tab.',
  'activation.draftReceived':
    'The questions and answers you entered in the earlier tab have been carried over here. Check them and carry on.',

  'password.label': 'Password',
  'password.repeat': 'Repeat Password',
  'password.show': 'Show Password',

  'rules.intro': 'Your password must meet the following requirements:',
  'rules.common': 'Must not be a commonly used password.',
  'rules.personal': "Must not contain your ID card number, your name or the word 'iSPEKS'.",
  'rules.met': 'Met:',
  'rules.unmet': 'Not met:',
  'rules.checking': '(checking…)',
  'rules.unknown': '(cannot be checked now; it is checked when you send)',
  'rules.count': '{met} of {total} requirements met.',
  'rules.allMet': 'Your password meets every requirement.',

  'notFound.heading': 'Page Not Found',
  'notFound.body':
    'The page you are looking for is not here. Check the address you typed, or go back to the login page.',

  'error.INVALID_CREDENTIALS': 'The ID card number or password is not valid.',
  'error.ACCOUNT_LOCKED': 'Your account is locked after too many failed attempts. Try again in {wait}.',
  'error.USER_ID_INVALID': 'The user ID is not valid. Example: kth:123456789012 or 123456789012.',
  'error.USER_NOT_FOUND':
    'No iSPEKS account is registered with this user ID. Check your ID or contact the system administrator.',
  'error.ALREADY_ACTIVE':
    'This account has already been activated. Log in, or use Forgot Password if you do not remember your password.',
  'error.RESEND_COOLDOWN': 'An activation e-mail was sent recently. Try again in {wait}.',
  'error.TOKEN_EXPIRED': 'This activation link has expired. Request a new activation e-mail.',
  'error.TOKEN_INVALID': 'This activation link is no longer valid. Request a new activation e-mail.',
  'error.SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Please try again shortly.',
  'error.VALIDATION_FAILED': 'The information sent is not valid. Check it and try again.',
  'error.UNEXPECTED': 'An unexpected error occurred. Please try again.',
  'error.PASSWORD_TOO_SHORT': 'Must be at least {min} characters long.',
  'error.PASSWORD_TOO_LONG': 'Must be at most {max} characters long.',
  'error.PASSWORD_NO_LOWER': 'Must contain a lower-case letter.',
  'error.PASSWORD_NO_UPPER': 'Must contain an upper-case letter.',
  'error.PASSWORD_NO_DIGIT': 'Must contain a digit.',
  'error.PASSWORD_NO_SPECIAL': 'Must contain a special character.',
  'error.PASSWORD_MISMATCH': 'The Password and Repeat Password do not match.',
  'error.PASSWORD_COMMON': 'This password is too common and easy to guess. Choose another password.',
  'error.PASSWORD_CONTAINS_PERSONAL_DATA':
    "The password must not contain your ID card number, your name or the system's name. Choose another password.",
  'error.QUESTIONS_COUNT': 'Choose THREE (3) security questions.',
  'error.QUESTIONS_DUPLICATE': 'This question is already chosen. Choose a different question.',
  'error.QUESTION_UNKNOWN': 'Choose a question from the list.',
  'error.ANSWER_TOO_SHORT': 'The answer must be at least {min} characters long.',
  'error.ANSWER_TRIVIAL':
    'This answer is too simple, or equals another answer, your ID or your password. Give another answer.',
  'error.PASSWORD_REUSED': 'The new password must differ from the current password.',
  'error.CURRENT_PASSWORD_WRONG': 'The current password is not correct.',
  'error.ANSWERS_WRONG':
    'One or more answers are not correct. Check your answers and try again. Too many wrong attempts lock your account for a while.',
  'error.FORBIDDEN': 'You have no access for this action.',
  'error.ALREADY_DISABLED': 'This account is already deactivated.',
  'error.NOT_DISABLED': 'This account is not deactivated.',
  'error.CHANGED_MEANWHILE': 'Someone else has just changed this account. Please check and try again.',
  'error.EMAIL_REJECTED':
    "The e-mail could not be delivered to the registered address. Please check the user's e-mail address.",
  'error.USER_EXISTS': 'A user with this IC number is already registered.',
  'error.DUTY_UNKNOWN': 'This duty is not in the duty catalogue.',
  'error.DUTY_CONFLICT':
    'This combination of duties is not allowed for one officer in the same PTJ (segregation of duties).',
  'error.OWN_REQUEST': 'You cannot approve or reject your own request.',
  'error.REQUEST_NOT_FOUND': 'This request does not exist.',
  'error.REQUEST_DECIDED': 'This request has already been decided by another administrator.',
  'error.UNAUTHENTICATED': 'Your session has ended. Please log in again.',
};
