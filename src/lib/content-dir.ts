/** The content folder the site reads: `content/`, or SHELF_CONTENT_DIR (the test fixtures and the benchmark use it). */
export const CONTENT_DIR = process.env.SHELF_CONTENT_DIR || './content';
