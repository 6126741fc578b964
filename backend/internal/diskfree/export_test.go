package diskfree

// Measured sets the function g measures free space with.
func (g *Guard) Measured(fn func(string) (int64, bool)) { g.free = fn }
