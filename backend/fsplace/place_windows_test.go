package fsplace

import "testing"

func TestUNCShares(t *testing.T) {
	for _, c := range []struct {
		vol, share string
		ok         bool
	}{
		{`\\files\team`, `\\files\team`, true},
		{`\\?\UNC\files\team`, `\\files\team`, true},
		{`\\?\C:`, "", false},
		{`\\.\PhysicalDrive0`, "", false},
		{`C:`, "", false},
	} {
		share, ok := uncShare(c.vol)
		if share != c.share || ok != c.ok {
			t.Errorf("uncShare(%s) = %q %v, want %q %v", c.vol, share, ok, c.share, c.ok)
		}
	}
	if p, ok := network(`\\files\team\GoLive`); !ok || p.Kind != KindNetwork || p.Root != `\\files\team\` {
		t.Errorf("a UNC path: %+v %v", p, ok)
	}
	if p, ok := network(`C:\Users`); ok {
		t.Errorf("the system drive is local: %+v", p)
	}
}
