/** Hashes and checks the passwords of local-mode demo accounts (AWS staff sign in through their IdP). */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(password: string, stored: string): Promise<boolean>;
}
