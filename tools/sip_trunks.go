package tools

// sipTrunkOperations: being written.
var sipTrunkOperations = []operation{}
