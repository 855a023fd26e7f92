/**
 * The lock every writer of events takes: resolution reads the events and mentions stored before it
 * and rewrites some, which is right only while no other resolution runs. Documents are written
 * before it is taken, so many writers still store at once. Saving a watchlist takes it too: the
 * alerts it records as its baseline are then never written at the same time as those events fire.
 */
export const RESOLUTION = "resolution";
