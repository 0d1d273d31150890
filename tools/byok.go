package tools

// byokOperations: being written.
var byokOperations = []operation{}
