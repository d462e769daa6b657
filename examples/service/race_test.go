//go:build race

package main

// raceEnabled reports that the tests run under the race detector, which
// slows them down several times: the load test then runs a smaller load.
const raceEnabled = true
