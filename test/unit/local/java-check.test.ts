import { afterEach, describe, expect, it } from 'vitest';
import { checkJava, JavaMissingError } from '#local/emulators';

describe('local mode without Java', () => {
  const path = process.env.PATH;
  afterEach(() => {
    process.env.PATH = path;
  });

  it('says exactly what to install', () => {
    process.env.PATH = '/nonexistent';
    expect(() => checkJava()).toThrow(JavaMissingError);
    try {
      checkJava();
    } catch (error) {
      expect((error as Error).message).toContain('apt-get install -y openjdk-17-jre-headless');
      expect((error as Error).message).toContain('Java 17');
    }
  });
});
