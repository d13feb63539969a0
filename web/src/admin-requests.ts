/** The console's requests page (`/admin/requests`). */
import { startConsole } from './admin/console.ts';

startConsole();
