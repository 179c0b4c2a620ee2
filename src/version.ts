// Replaced at build time from package.json, so --version needs no file read.
declare const __KAM_VERSION__: string;
export const VERSION: string = typeof __KAM_VERSION__ === 'string' ? __KAM_VERSION__ : '0.0.0-dev';
