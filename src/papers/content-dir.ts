/** The content folder the site reads: `content/`, or SHELF_CONTENT_DIR (the test fixtures and the benchmark use it). */
export const CONTENT_DIR = process.env.SHELF_CONTENT_DIR || './content';

/** The paper files: `<content>/papers/`, subfolders included. */
export const PAPERS_DIR = `${CONTENT_DIR}/papers`;

/** The topic files and their rules: `<content>/topics/`. */
export const TOPICS_DIR = `${CONTENT_DIR}/topics`;
