// Placeholder until the LuaKit layer lands.
