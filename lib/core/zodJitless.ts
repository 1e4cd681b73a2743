// Imported first by the extension's pages and background: zod compiles no validators with `new Function`
// (store review flags it and extension CSPs forbid it). Schemas built before this import would still try.
import { z } from 'zod';

z.config({ jitless: true });
