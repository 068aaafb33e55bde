import * as v from 'valibot';

export const ClientConfig = v.object({
  quickExitUrl: v.string(),
  emailEnabled: v.boolean(),
});
export type ClientConfig = v.InferOutput<typeof ClientConfig>;
