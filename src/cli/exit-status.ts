/** The exit statuses of PRODUCT.md contract 1, shared by every command. */
export const EXIT_OK = 0;
export const EXIT_ERROR_FINDINGS = 1;
export const EXIT_PROBLEM = 2;
