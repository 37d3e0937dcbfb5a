ACCESS = {}
