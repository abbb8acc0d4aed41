import { rmSync } from 'node:fs';
import { resolve } from 'node:path';

/** `npm run reset`: wipes local mode's data (DynamoDB Local files, s3rver objects, local secrets). */
const dir = resolve(process.env.DATA_DIR ?? '.data');
rmSync(dir, { recursive: true, force: true });
process.stdout.write(`Removed ${dir}. The next \`npm start\` creates the table and buckets again and seeds the demo data.\n`);
