import type { Profile } from '../profile';
import { devProfile } from './dev';
import { eksProfile } from './eks';

export const profiles: Readonly<Record<string, Profile>> = { eks: eksProfile, dev: devProfile };

/**
 * The named profile, with the image coordinates a pipeline sets per build: IMAGE_REGISTRY and
 * IMAGE_TAG from the environment override the profile's.
 */
export function profileNamed(name: string, env: NodeJS.ProcessEnv = process.env): Profile {
  const profile = profiles[name];
  if (!profile) {
    throw new Error(`Unknown profile "${name}": choose one of ${Object.keys(profiles).join(', ')}`);
  }
  return {
    ...profile,
    image: {
      registry: env.IMAGE_REGISTRY || profile.image.registry,
      tag: env.IMAGE_TAG || profile.image.tag,
    },
  };
}
