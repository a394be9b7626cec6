// Placeholder until the InboxEmulator layer lands.
