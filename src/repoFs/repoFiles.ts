/** The account/plan file names a source lists: `<folder>/<id>.yaml` directly in the folder, no dot files. */
export const REPO_FILE_RE = /^(accounts|plans)\/([^/.][^/]*)\.ya?ml$/;
