#include "ConversationView.h"
