/** The sections of `chuanyu validate`'s report that `--skip` can leave out (here, so the command module loads no experiment code). */
export const VALIDATION_SECTIONS = ['robustness', 'mechanisms', 'history'] as const;
export type ValidationSection = (typeof VALIDATION_SECTIONS)[number];
