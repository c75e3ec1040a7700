int low_a(void);
int high_entry(void) { return 1; }
int high_use(void) { return low_a(); }
