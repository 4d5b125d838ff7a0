"""exampdf scan: read filled-in answer sheets back into responses.csv."""
