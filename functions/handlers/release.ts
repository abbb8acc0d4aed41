// PLACEHOLDER created by the infra work so `npm run synth` can bundle; replace with the real
// release step. It must refuse anything without an approved secrecy review; this one refuses all.
export const handler = async (): Promise<never> => {
  throw new Error('Release is not implemented: nothing is published');
};
