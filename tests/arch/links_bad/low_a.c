/* Calls up into the high stage, and forms a circle with low_b.c. */
int high_entry(void);
int low_b(void);
int low_a(void) { return high_entry() + low_b(); }
