import { initPage } from './lib/page.ts';
import { initResendForm } from './lib/resend-form.ts';

initPage();
initResendForm();
