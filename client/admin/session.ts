/**
 * The API key of this browser tab. sessionStorage, not localStorage: it is
 * gone when the tab closes, and other tabs and later visits never see it.
 */
const STORAGE_KEY = 'smartcart.admin.apiKey';

export const session = {
  apiKey(): string | null {
    return sessionStorage.getItem(STORAGE_KEY);
  },
  signIn(apiKey: string): void {
    sessionStorage.setItem(STORAGE_KEY, apiKey);
  },
  signOut(): void {
    sessionStorage.removeItem(STORAGE_KEY);
  },
};
