/** The console's audit page (`/admin/audit`). */
import { startConsole } from './admin/console.ts';

startConsole();
