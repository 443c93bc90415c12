#include "VideoTaskListModel.h"
