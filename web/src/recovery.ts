import { initPage } from './lib/page.ts';

// Password recovery is not built yet: the page only says so, in the chosen language.
initPage();
