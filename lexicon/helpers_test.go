package lexicon

import "testing/fstest"

// fstestMap builds an in-memory file system from names and contents.
func fstestMap(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}
