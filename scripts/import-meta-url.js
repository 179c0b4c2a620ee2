// Injected into the CommonJS bundle by scripts/build.mjs: what `import.meta.url` is in the ES
// modules of src/ (the file they run from), for the bundle's single file.
export const __kamImportMetaUrl = require('node:url').pathToFileURL(__filename).href;
