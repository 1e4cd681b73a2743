import { z } from 'zod';
import { type OperatorSchemas, Path } from '../schemaKit';

const equality = (op: 'eq' | 'ne') =>
  z.strictObject({ op: z.literal(op), field: Path, value: z.union([z.string(), z.number(), z.boolean()]) });

export const schemas: OperatorSchemas<'eq' | 'ne'> = () => ({ eq: equality('eq'), ne: equality('ne') });
