#include "ConversationListModel.h"
