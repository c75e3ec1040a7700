int low_a(void);
int low_b(void) { return low_a(); }
