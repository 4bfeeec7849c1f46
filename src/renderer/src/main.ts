import { openDatabaseEarly } from './storage/open-early';

// The app's code is fetched and compiled while the database opens, instead of before it.
openDatabaseEarly();
void import('./mount-app');
