package tools

// callOperations: being written.
var callOperations = []operation{}
