package pdfobj

import "fmt"

// EmbeddedFileSpecs returns the file specifications of the revision's
// EmbeddedFiles name tree (Root /Names /EmbeddedFiles), walking its Kids
// to MaxDepth and at most 1000 entries; nil when there is none.
func (rev *Revision) EmbeddedFileSpecs() ([]Dict, error) {
	root, err := rev.GetDict(rev.Trailer, "Root")
	if err != nil {
		return nil, err
	}
	names, err := rev.GetDict(root, "Names")
	if err != nil {
		return nil, err
	}
	tree, err := rev.GetDict(names, "EmbeddedFiles")
	if err != nil {
		return nil, err
	}
	var out []Dict
	seen := map[Ref]bool{}
	var walk func(node Dict, depth int) error
	walk = func(node Dict, depth int) error {
		if depth > MaxDepth || len(out) > 1000 {
			return fmt.Errorf("%w: embedded files tree too deep or too large", ErrMalformed)
		}
		list, err := rev.Get(node, "Names")
		if err != nil {
			return err
		}
		arr, _ := list.(Array)
		for i := 1; i < len(arr); i += 2 {
			spec, err := rev.Resolve(arr[i])
			if err != nil {
				return err
			}
			if d, ok := spec.(Dict); ok {
				out = append(out, d)
			}
		}
		kids, err := rev.Get(node, "Kids")
		if err != nil {
			return err
		}
		arr, _ = kids.(Array)
		for _, k := range arr {
			if ref, ok := k.(Ref); ok {
				if seen[ref] {
					return fmt.Errorf("%w: embedded files tree visits object %d twice", ErrMalformed, ref.Num)
				}
				seen[ref] = true
			}
			kid, err := rev.Resolve(k)
			if err != nil {
				return err
			}
			if d, ok := kid.(Dict); ok {
				if err := walk(d, depth+1); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if tree == nil {
		return nil, nil
	}
	return out, walk(tree, 0)
}
