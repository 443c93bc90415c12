#include "MessageListModel.h"
