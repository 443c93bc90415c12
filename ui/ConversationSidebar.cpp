#include "ConversationSidebar.h"
