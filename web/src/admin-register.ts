/** The console's register page (`/admin/register`). */
import { startConsole } from './admin/console.ts';

startConsole();
