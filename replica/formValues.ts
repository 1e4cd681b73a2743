import { z } from 'zod';

/**
 * What 保存 sends and the server keeps: the form's controls by their `name`, as the portal would post
 * them. A checkbox group is the list of its checked values; repeatable rows are "cydw[2].dwmc".
 */
export const FormValues = z.record(
  z.string().min(1).max(200),
  z.union([z.string().max(20_000), z.array(z.string().max(200)).max(50)]),
);
export type FormValues = z.infer<typeof FormValues>;
