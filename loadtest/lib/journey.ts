/** What the profiles and the capacity model know about a journey. */
import type { Route } from './routes.ts';

export interface Journey {
  /** The k6 scenario's name, and the `scenario` tag of everything it sends. */
  name: string;
  /** The exported function that runs one iteration. */
  exec: string;
  /** Its share of all journey iterations: the weights of a script's journeys add up to 1. */
  weight: number;
  /** About how long one iteration takes at a person's pace, think times included: sizes the VU pool. */
  typicalSeconds: number;
  /** How many requests of each route one iteration sends, on average (the optional steps' odds). */
  requestsPerIteration: readonly { route: Route; count: number }[];
  /** Whether its VUs sign in (setup() makes one account per VU of these journeys). */
  signedIn: boolean;
}
