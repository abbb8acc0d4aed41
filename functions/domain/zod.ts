/**
 * zod, configured once: every message a schema does not spell out itself comes in Simplified
 * Chinese (zod's zh-CN locale) instead of English. Import `z` from here, never from 'zod', so no
 * schema can reach a user with "Invalid input: expected object" (a test checks the imports).
 */
import { z } from 'zod';

z.config(z.locales.zhCN());

export { z };
