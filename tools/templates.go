package tools

// templateOperations: being written.
var templateOperations = []operation{}
