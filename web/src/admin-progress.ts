/** The console's progress page (`/admin/progress`). */
import { startConsole } from './admin/console.ts';

startConsole();
